export { cooperationAgreement } from './cooperation-agreement/cooperation-agreement.workflow';
export { fallteamConsultation } from './fallteam-consultation/fallteam-consultation.workflow';
export { ping } from './ping/ping.workflow';
export { sozialraumDevelopment } from './sozialraum-development/sozialraum-development.workflow';
