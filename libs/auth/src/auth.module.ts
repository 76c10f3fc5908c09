import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { ReferenceDataModule } from '@sro/reference-data';
import { TokenVerifier } from './token-verifier';
import { UserDirectory } from './user-directory';

/** Registers the global AuthGuard (token, then the user record, then the route's roles). */
@Module({
  imports: [ReferenceDataModule],
  providers: [TokenVerifier, UserDirectory, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenVerifier, UserDirectory],
})
export class AuthModule {}
