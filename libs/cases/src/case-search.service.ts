import { Injectable } from '@nestjs/common';
import { DomainError, Principal } from '@sro/common';
import { AssignmentsService } from '@sro/reference-data';
import { CaseSummary } from './case.service';
import { CaseZone, PersonalData } from './case.types';
import { CaseSearchIndex } from './case-search.index';
import { CaseListQuery, CaseSearchRepository, CaseSort, CaseStatus } from './case-search.repository';
import { searchTerms } from './case-search.tokens';
import { FieldCipher } from './field-cipher';

/** What a caseworker asks the case list for. */
export interface CaseSearch {
  /** Family or given name (also as prefix, umlauts and ß in any spelling), birth date, pseudonym or case id. */
  search?: string;
  zone?: CaseZone;
  status?: CaseStatus;
  socialSpaceId?: string;
  responsibleId?: string;
  followUpsDue?: boolean;
  sort?: CaseSort;
  limit: number;
  offset: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A pseudonym (file number) as typed: `F-2026-7KQ`, `f20267kq`. */
const PSEUDONYM = /^[A-Za-z]-?\d{4}(-?[A-Za-z0-9]{0,8})$/;

/**
 * The case list with search, filters, sorting and paging. Names are found through the blind index
 * (no row is opened to search); the family name is opened only for the page, and only for cases the
 * caller reaches. Cases of the caller's social spaces outside their reach appear as "exists, ask the
 * responsible caseworker" (no name, no zone).
 */
@Injectable()
export class CaseSearchService {
  constructor(
    private readonly repository: CaseSearchRepository,
    private readonly index: CaseSearchIndex,
    private readonly assignments: AssignmentsService,
    private readonly cipher: FieldCipher,
  ) {}

  async list(user: Principal, search: CaseSearch): Promise<{ items: CaseSummary[]; total: number; limit: number; offset: number }> {
    const query: CaseListQuery = {
      zone: search.zone,
      status: search.status,
      socialSpaceId: search.socialSpaceId,
      responsibleId: search.responsibleId,
      followUpsDue: search.followUpsDue,
      sort: search.sort ?? '-createdAt',
      limit: search.limit,
      offset: search.offset,
      ...this.matcher(search.search),
    };
    const scope = await this.assignments.of(user);
    const { items, total } = await this.repository.page(user.sub, scope.socialSpaceIds, query);
    return {
      items: items.map((c) => {
        const opened = c.access !== null;
        return {
          id: c.id,
          pseudonym: c.pseudonym,
          zone: opened ? c.zone : null,
          socialSpaceId: c.socialSpaceId,
          familyName:
            opened && c.personalEnc
              ? this.cipher.open<PersonalData>(c.personalEnc, { table: 'case_file', column: 'personal_enc', rowId: c.id }).familyName
              : null,
          access: c.access,
          responsibleCaseworkerId: c.responsibleId,
          responsibleCaseworkerName: c.responsibleName,
          createdAt: c.createdAt,
        };
      }),
      total,
      limit: search.limit,
      offset: search.offset,
    };
  }

  /** How the search text is matched: a case id, a pseudonym prefix, or name and date terms through the blind index. */
  private matcher(text: string | undefined): Pick<CaseListQuery, 'terms' | 'pseudonymPrefix' | 'caseId'> {
    const trimmed = text?.trim();
    if (!trimmed) return {};
    if (UUID.test(trimmed)) return { caseId: trimmed.toLowerCase() };
    if (PSEUDONYM.test(trimmed)) return { pseudonymPrefix: trimmed.replace(/-/g, '').toUpperCase() };
    const terms = searchTerms(trimmed);
    if (terms.length === 0)
      throw DomainError.invalid('Mit diesem Suchbegriff lässt sich nicht suchen.', [
        { pointer: '/search', code: 'search.no-terms', message: 'Der Suchbegriff enthält keine Buchstaben oder Ziffern.' },
      ]);
    return { terms: terms.map((tokens) => tokens.map((t) => this.index.hash(t))) };
  }
}
