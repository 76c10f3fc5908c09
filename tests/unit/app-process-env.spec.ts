import { appProcessEnv } from '../../scripts/devstack/services';

describe('appProcessEnv', () => {
  it('caps glibc malloc at two arenas for the app processes', () => {
    const env = appProcessEnv({ DATABASE_URL: 'postgres://x' });
    expect(env.MALLOC_ARENA_MAX).toBe('2');
    expect(env.DATABASE_URL).toBe('postgres://x');
  });

  it("keeps an operator's own setting", () => {
    expect(appProcessEnv({ MALLOC_ARENA_MAX: '4' }).MALLOC_ARENA_MAX).toBe('4');
  });
});
