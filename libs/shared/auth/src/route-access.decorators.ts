import { SetMetadata } from '@nestjs/common';
import { type Permission } from '@mg/shared-kernel';

export const PERMISSION_KEY = 'mg:permission';
export const PUBLIC_KEY = 'mg:public';

/** The route is open to anyone, authenticated or not (login, JWKS, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The route needs a valid token whose role holds this SPEC §5 permission. */
export const RequirePermission = (permission: Permission) =>
  SetMetadata(PERMISSION_KEY, permission);
