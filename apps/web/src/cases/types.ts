import type { Schemas } from '../api';

export type CaseFile = Schemas['CaseFileDto'];
/** What every area of the case file gets: the file as last loaded and a way to load it again. */
export type CaseAreaProps = { file: CaseFile; reload: () => void };
