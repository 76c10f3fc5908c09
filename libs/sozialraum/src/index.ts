export * from './budget.service';
export * from './sozialraum.module';
export * from './sozialraum.service';
