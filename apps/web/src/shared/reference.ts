import { client, Schemas, unwrap } from '../api';
import { useLoad } from './ui';

export type PlanningRegion = Schemas['PlanningRegionDto'];

/** The planning regions with their social spaces the caller may see. */
export const usePlanningRegions = () => useLoad(() => unwrap(client.GET('/planning-regions')), []);
