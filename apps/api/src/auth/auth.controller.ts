import { Body, Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { Public, signDevToken } from '@sro/auth';
import { ALL_ROLES, DomainError, isRole } from '@sro/common';
import { AppConfig } from '@sro/config';
import { AppUser } from '@sro/reference-data';

export class DevTokenDto {
  @ApiProperty({ example: 'demo-caseworker' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  userId: string;
}

/** How the web app signs in. */
export class AuthConfigResponseDto {
  @ApiProperty({ enum: ['dev', 'oidc'] })
  mode: 'dev' | 'oidc';

  @ApiPropertyOptional({ description: 'OIDC issuer (only under OIDC)' })
  issuer?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Public OIDC client of the web app' })
  clientId?: string | null;

  @ApiPropertyOptional({ description: 'Requested scopes' })
  scope?: string;
}

export class DevUserDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: ALL_ROLES, isArray: true })
  roles: string[];
}

export class DevUserListDto {
  @ApiProperty({ type: [DevUserDto] })
  items: DevUserDto[];
}

export class DevTokenResponseDto {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: string;

  @ApiProperty({ description: 'Lifetime in seconds' })
  expiresIn: number;
}

/** What the web app needs to sign in: the mode and, under OIDC, the issuer and the public client. */
@ApiTags('auth')
@Controller('auth')
export class AuthConfigController {
  constructor(private readonly config: AppConfig) {}

  @Get('config')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: AuthConfigResponseDto })
  get(): AuthConfigResponseDto {
    const { mode, issuerUrl, clientId, scope } = this.config.auth;
    return mode === 'dev' ? { mode } : { mode, issuer: issuerUrl, clientId: clientId ?? null, scope };
  }
}

/**
 * The demo-user picker of the web app. Registered only when AUTH_MODE=dev (which the config
 * refuses in production); under OIDC these routes do not exist and answer 404.
 */
@ApiTags('auth')
@Controller('auth')
export class DevAuthController {
  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  @Get('dev-users')
  @Public()
  @ApiOkResponse({ type: DevUserListDto })
  async users(): Promise<DevUserListDto> {
    const users = await this.dataSource.getRepository(AppUser).find({ where: { active: true }, order: { id: 'ASC' } });
    return {
      items: users.map((u) => ({ id: u.id, displayName: u.displayName, roles: u.roles.filter(isRole) })).filter((u) => u.roles.length > 0),
    };
  }

  @Post('dev-token')
  @HttpCode(200)
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: DevTokenResponseDto })
  async token(@Body() body: DevTokenDto): Promise<DevTokenResponseDto> {
    const user = await this.dataSource.getRepository(AppUser).findOneBy({ id: body.userId, active: true });
    const roles = user?.roles.filter(isRole) ?? [];
    if (!user || roles.length === 0)
      throw DomainError.invalid('Diesen Demo-Zugang gibt es nicht.', [
        {
          pointer: '/userId',
          code: 'unknown-reference',
          message: 'Diese Person ist nicht aktiv oder hat keine Rolle; bitte wählen Sie einen Demo-Zugang aus der Liste.',
        },
      ]);
    const ttlSeconds = 8 * 3600;
    return {
      accessToken: await signDevToken(this.config.auth.devSecret!, roles, user.id, ttlSeconds),
      tokenType: 'Bearer',
      expiresIn: ttlSeconds,
    };
  }
}
