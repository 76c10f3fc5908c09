export { cooperationAgreement } from './cooperation-agreement/cooperation-agreement.workflow';
export { fallteamConsultation } from './fallteam-consultation/fallteam-consultation.workflow';
export { ping } from './ping/ping.workflow';
export { sozialraumDevelopment } from './sozialraum-development/sozialraum-development.workflow';
export { partnerInterview } from './partner-interview-cycle/partner-interview.workflow';
export { partnerInterviewCycle } from './partner-interview-cycle/partner-interview-cycle.workflow';
export { jugendhilfedienstCase } from './jugendhilfedienst-case/jugendhilfedienst-case.workflow';
export { caseRetention } from './case-retention/case-retention.workflow';
