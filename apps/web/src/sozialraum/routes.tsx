import { Route } from 'react-router';
import type { Role } from '../auth/session';
import { ImportPage } from './ImportPage';
import { IndexPage } from './IndexPage';
import { MapPage } from './MapPage';
import { ProfilePage } from './ProfilePage';
import { ReportPage } from './ReportPage';

/** Navigation entries of the social-space planning pages. */
export const SOZIALRAUM_NAV: Array<{ to: string; label: string; roles: Role[] }> = [
  { to: '/sozialraeume', label: 'Sozialraumkarte', roles: ['coordinator', 'lead', 'admin'] },
  { to: '/sozialindex', label: 'Sozialindex', roles: ['coordinator', 'lead', 'admin'] },
  { to: '/indikatoren/import', label: 'Indikatoren importieren', roles: ['coordinator', 'admin'] },
  { to: '/jha-bericht', label: 'JHA-Bericht', roles: ['coordinator', 'lead', 'admin'] },
];

/** The routes of the social-space planning pages (map, profile, index, import, report). */
export const sozialraumRoutes = [
  <Route key="map" path="/sozialraeume" element={<MapPage />} />,
  <Route key="profile" path="/sozialraeume/:id" element={<ProfilePage />} />,
  <Route key="index" path="/sozialindex" element={<IndexPage />} />,
  <Route key="import" path="/indikatoren/import" element={<ImportPage />} />,
  <Route key="report" path="/jha-bericht" element={<ReportPage />} />,
];
