export * from './app-user.entity';
export * from './contract-partner.entity';
export * from './municipality.entity';
export * from './planning-region.entity';
export * from './social-space.entity';
export * from './demo-data';
export * from './assignments.service';
export * from './contract-partner.service';
