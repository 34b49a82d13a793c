export interface JsonMediaTypeOptions {
  /** Count structured-syntax types such as `application/problem+json` as JSON. */
  plusJson: boolean;
}

/** `application/json` (parameters such as `charset` allowed), and `+json` types when asked. */
export function isJsonMediaType(mediaType: string, { plusJson }: JsonMediaTypeOptions): boolean {
  const essence = mediaType.split(';', 1)[0]!.trim().toLowerCase();
  if (essence === 'application/json') return true;
  return plusJson && /^[a-z0-9!#$&^_.-]+\/[a-z0-9!#$&^_.-]+\+json$/.test(essence);
}

/** Whether a `content` key is a media type (`type/subtype`, parameters allowed); generated documents sometimes put example names there. */
export function isMediaTypeKey(key: string): boolean {
  return /^[^/\s]+\/[^/\s]+$/.test(key.split(';', 1)[0]!.trim());
}
