import { AuditEvent } from '@sro/audit';
import { AppUser, ContractPartner, Municipality, PlanningRegion, SocialSpace } from '@sro/reference-data';

/** Every TypeORM entity of the system. */
export const ENTITIES = [AuditEvent, AppUser, ContractPartner, Municipality, PlanningRegion, SocialSpace];
