export { ping } from './ping/ping.workflow';
export { sozialraumDevelopment } from './sozialraum-development/sozialraum-development.workflow';
