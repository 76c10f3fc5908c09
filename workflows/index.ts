export { ping } from './ping/ping.workflow';
