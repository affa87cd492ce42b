import type { Translate } from '../i18n/translator.js'

/** A person's name as others see it; a deleted account shows as a former member. */
export function displayName(person: { name: string; deletedAt?: Date | null } | null | undefined, t: Translate): string {
  if (!person || person.deletedAt || !person.name) return t('core.account.formerMember')
  return person.name
}
