/** Input limits shared by the form (client-side validation), the memory adapter and the server. */
export const LIMITS = {
  nameMax: 80,
  bodyMax: 10_000,
  urlMax: 2_048,
  emailMax: 254,
  threadIdMax: 256,
  pageSizeMax: 100,
} as const;
