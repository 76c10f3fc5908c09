import { Injectable, SetMetadata } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';

export const ACTIVITIES = 'sro:temporal-activities';

/** Marks an injectable whose public methods are Temporal activities. */
export const Activities = (): ClassDecorator => SetMetadata(ACTIVITIES, true);

type ActivityFn = (...args: unknown[]) => Promise<unknown>;

/**
 * Collects the methods of every @Activities provider in the application, bound to their DI
 * instance: the worker runs what its imported modules provide, with no list to keep. Refuses an
 * activity name that two classes define (the worker would run one of them silently).
 */
@Injectable()
export class ActivityRegistry {
  constructor(private readonly discovery: DiscoveryService) {}

  collect(): Record<string, ActivityFn> {
    const activities: Record<string, ActivityFn> = {};
    const owners = new Map<string, { name: string }>();
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype || !Reflect.getMetadata(ACTIVITIES, metatype)) continue;
      const proto = Object.getPrototypeOf(instance);
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (name === 'constructor' || typeof proto[name] !== 'function') continue;
        const owner = owners.get(name);
        // The same class reached through two modules is one definition; the first instance serves.
        if (owner === metatype) continue;
        if (owner) throw new Error(`Activity ${name} is defined twice (${owner.name} and ${metatype.name})`);
        owners.set(name, metatype);
        activities[name] = proto[name].bind(instance);
      }
    }
    return activities;
  }
}
