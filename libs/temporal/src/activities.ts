import { Injectable, SetMetadata } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';

export const ACTIVITIES = 'sro:temporal-activities';

/** Marks an injectable whose public methods are Temporal activities. */
export const Activities = (): ClassDecorator => SetMetadata(ACTIVITIES, true);

type ActivityFn = (...args: unknown[]) => Promise<unknown>;

/** Collects the methods of every @Activities provider, bound to their DI instance. */
@Injectable()
export class ActivityRegistry {
  constructor(private readonly discovery: DiscoveryService) {}

  collect(): Record<string, ActivityFn> {
    const activities: Record<string, ActivityFn> = {};
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype || !Reflect.getMetadata(ACTIVITIES, metatype)) continue;
      const proto = Object.getPrototypeOf(instance);
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (name === 'constructor' || typeof proto[name] !== 'function') continue;
        if (activities[name]) throw new Error(`Activity ${name} is defined twice (${metatype.name})`);
        activities[name] = proto[name].bind(instance);
      }
    }
    return activities;
  }
}
