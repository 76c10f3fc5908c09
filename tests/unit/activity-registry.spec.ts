import { Injectable } from '@nestjs/common';
import type { DiscoveryService } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper';
import { Activities, ActivityRegistry } from '@sro/temporal';

@Injectable()
@Activities()
class CaseActivities {
  async openCase(id: string): Promise<string> {
    return `opened ${id}`;
  }
}

@Injectable()
@Activities()
class OtherCaseActivities {
  async openCase(): Promise<string> {
    return 'other';
  }
}

@Injectable()
class PlainService {
  async notAnActivity(): Promise<void> {}
}

/** A registry over the given provider instances, as Nest's DiscoveryService would list them. */
function registryOf(...instances: object[]): ActivityRegistry {
  const wrappers = instances.map((instance) => ({ instance, metatype: instance.constructor }) as unknown as InstanceWrapper);
  const discovery = { getProviders: () => wrappers } as unknown as DiscoveryService;
  return new ActivityRegistry(discovery);
}

describe('ActivityRegistry', () => {
  it('collects the methods of every @Activities provider, bound to its instance, and nothing else', async () => {
    const activities = registryOf(new CaseActivities(), new PlainService()).collect();
    expect(Object.keys(activities)).toEqual(['openCase']);
    await expect(activities.openCase('c1')).resolves.toBe('opened c1');
  });

  it('refuses to start when two classes define the same activity name', () => {
    expect(() => registryOf(new CaseActivities(), new OtherCaseActivities()).collect()).toThrow(
      'Activity openCase is defined twice (CaseActivities and OtherCaseActivities)',
    );
  });

  it('accepts the same class reached through two modules as one definition', () => {
    expect(Object.keys(registryOf(new CaseActivities(), new CaseActivities()).collect())).toEqual(['openCase']);
  });
});
