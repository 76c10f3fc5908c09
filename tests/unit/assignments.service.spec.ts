import { ErrorCode, Principal, Role } from '@sro/common';
import { AssignmentsService, UserRepository } from '@sro/reference-data';

const REGION = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

function service(record: { planningRegionIds: string[]; socialSpaceIds: string[] } | null) {
  const users = { findActive: jest.fn(async () => record) };
  return { assignments: new AssignmentsService(users as unknown as UserRepository), users };
}

describe('AssignmentsService', () => {
  it("takes a request's caller scope as the auth guard read it, without a second query", async () => {
    const { assignments, users } = service({ planningRegionIds: [OTHER], socialSpaceIds: [] });
    const coordinator: Principal = { sub: 'ko-1', roles: [Role.Coordinator], scope: { planningRegionIds: [REGION], socialSpaceIds: [] } };
    await expect(assignments.assertCoordinates(coordinator, REGION, 'Der Prozess')).resolves.toBeUndefined();
    await expect(assignments.assertCoordinates(coordinator, OTHER, 'Der Prozess')).rejects.toMatchObject({ code: ErrorCode.NotFound });
    expect(users.findActive).not.toHaveBeenCalled();
  });

  it('reads the user record for a principal without a scope and for a bare id; a user who left has none', async () => {
    const { assignments, users } = service({ planningRegionIds: [REGION], socialSpaceIds: [] });
    expect(await assignments.of({ sub: 'ko-1', roles: [Role.Coordinator] })).toEqual({ planningRegionIds: [REGION], socialSpaceIds: [] });
    expect(await assignments.of('ko-1')).toEqual({ planningRegionIds: [REGION], socialSpaceIds: [] });
    expect(users.findActive).toHaveBeenCalledTimes(2);
    expect(await service(null).assignments.of('gone')).toEqual({ planningRegionIds: [], socialSpaceIds: [] });
  });
});
