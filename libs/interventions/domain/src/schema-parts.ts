import { z } from 'zod';

/** No single billet or intervention is worth more than this; a bigger number is a typo. */
export const MAX_INTERVENTION_HOURS = 1000;

const notEmpty = { error: 'must not be empty' };
export const requiredText = z.string().trim().min(1, notEmpty).max(10_000);
export const optionalText = z.string().trim().max(10_000).nullable().optional();
export const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });
