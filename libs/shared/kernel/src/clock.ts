/** Time is an input: domain code receives a clock instead of reading the wall clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
