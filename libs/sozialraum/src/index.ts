export * from './budget.repository';
export * from './budget.service';
export * from './sozialraum-reference.repository';
export * from './sozialraum.module';
export * from './sozialraum.service';
