export { CommitteePage, CommitteesPage } from './CommitteePages';
export { MeetingPage } from './MeetingPage';
export { ProviderNetworkPage, ProviderNetworksPage } from './ProviderNetworkPages';
export { ProcessMeetings } from './ProcessMeetings';
