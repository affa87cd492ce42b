import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { simplePdf, type TestUser } from '@distrito/core/testing'
import { ATTACHMENT_POLICY } from '../src/domain/policies.js'
import { challengeWithEntries, entriesFilter } from '../src/domain/entries-list.js'
import { challengeWorld, type ChallengeWorld } from './world.js'

/**
 * What a person is to a challenge is read in the same statement as the challenge (its sponsor's and
 * co-sponsors' memberships, invitations, a seat on the panel), and the workflow panel is handed the
 * challenge as loaded, co-sponsors included. Each relation must open exactly what it should.
 */
describe('who may see and run a challenge', () => {
  let w: ChallengeWorld
  let coOwner: TestUser
  let coMember: TestUser
  let draft: { slug: string; id: string }
  let invitedOnly: { slug: string; id: string }

  beforeAll(async () => {
    w = await challengeWorld()
    coOwner = await w.t.createUser({ name: 'Camila Cofinanciadora' })
    coMember = await w.t.createUser({ name: 'Ciro de la Universidad' })
    const university = await w.t.createOrganization({ name: 'Universidad del Pacífico', kind: 'university', members: [{ user: coOwner, role: 'owner' }, { user: coMember, role: 'member' }] })
    draft = await w.createChallenge({ title: 'Reto en borrador con cofinanciador', cosponsors: university.slug })
    invitedOnly = await w.createChallenge({ title: 'Reto privado para la pyme', visibility: 'private', invited: w.sme.slug })
    await w.publish(invitedOnly.slug)
  })
  afterAll(() => w.t.close())

  const status = async (user: TestUser | null, path: string) => (user ? await (await w.as(user)).get(path) : await w.t.get(path)).status
  const submitAction = (id: string) => `action="/workflows/challenges.challenge/${id}/submit"`

  it('shows a draft to the sponsor’s and co-sponsors’ members only', async () => {
    const page = `/challenges/${draft.slug}`
    expect(await status(null, page)).toBe(404)
    expect(await status(w.outsider, page)).toBe(404)
    expect(await status(w.leadA, page)).toBe(404)
    expect(await status(w.sponsorMember, page)).toBe(200)
    expect(await status(coMember, page)).toBe(200)
    expect(await status(coOwner, page)).toBe(200)
    expect(await status(w.manager, page)).toBe(200)
  })

  it('lets a co-sponsor’s owner run the challenge, with the workflow’s buttons, and not its plain members', async () => {
    const manage = `/challenges/${draft.slug}/manage`
    for (const page of [manage, `/challenges/${draft.slug}/entries`, `/challenges/${draft.slug}/entries?format=csv`]) {
      expect(await status(coOwner, page)).toBe(200)
      expect(await status(coMember, page)).toBe(403)
      expect(await status(w.sponsorMember, page)).toBe(403)
      expect(await status(w.outsider, page)).toBe(404)
    }
    // The panel's guards see the co-sponsors of the challenge the page loaded.
    expect(await (await (await w.as(coOwner)).get(manage)).text()).toContain(submitAction(draft.id))
    expect(await (await (await w.as(w.sponsorAdmin)).get(`/challenges/${draft.slug}`)).text()).toContain(submitAction(draft.id))
    expect(await (await (await w.as(coMember)).get(`/challenges/${draft.slug}`)).text()).not.toContain(submitAction(draft.id))
    // And firing it as the co-sponsor's owner works.
    const sent = await (await w.as(coOwner)).post(`/workflows/challenges.challenge/${draft.id}/submit`, { back: `/challenges/${draft.slug}` })
    expect(sent.status).toBe(303)
    expect(await w.stateOf(draft.id)).toBe('review')
  })

  it('shows a private challenge to the invited organization’s members, its sponsor and the district, and no one else', async () => {
    const page = `/challenges/${invitedOnly.slug}`
    expect(await status(w.outsider, page)).toBe(200) // the SME's owner
    expect(await status(w.sponsorMember, page)).toBe(200)
    expect(await status(w.manager, page)).toBe(200)
    expect(await status(null, page)).toBe(404)
    expect(await status(w.leadA, page)).toBe(404)
    expect(await status(coMember, page)).toBe(404)
  })

  it('serves an entry’s file to its team, the people running the call and its judges, and to no one else', async () => {
    const call = await w.createChallenge({ title: 'Reto con anexos privados' })
    await w.publish(call.slug)
    const entry = await w.submitEntry(call.slug, w.leadA, w.startupA.id, 'Propuesta con anexo')
    const { services } = w.t.district
    const checked = await services.files.check(new File([simplePdf(['Plan de trabajo'])], 'plan.pdf', { type: 'application/pdf' }), ATTACHMENT_POLICY)
    if (!checked?.ok) throw new Error('the fixture is a PDF')
    const file = await services.transaction((tx) => services.files.save(tx, { subject: { type: 'challenges.submission', id: entry }, purpose: 'field:plan', file: checked, uploadedBy: w.leadA.id }))
    const path = `/files/${file.id}`
    await w.startEvaluation(call, [w.judge1])
    expect(await status(w.leadA, path)).toBe(200)
    expect(await status(w.sponsorAdmin, path)).toBe(200)
    expect(await status(w.manager, path)).toBe(200)
    expect(await status(w.judge1, path)).toBe(200)
    // Not a member of the startup who is not on the team, a judge of another panel, an outsider.
    expect(await status(w.memberA, path)).toBe(404)
    expect(await status(w.judge2, path)).toBe(404)
    expect(await status(w.outsider, path)).toBe(404)
    // A visitor is asked to sign in first.
    expect(await status(null, path)).toBe(303)
  })

  it('hands a page none of the private rows of a person it refuses: the finders drop them', async () => {
    const call = await w.createChallenge({ title: 'Reto con propuestas que nadie más ve' })
    await w.publish(call.slug)
    await w.submitEntry(call.slug, w.leadA, w.startupA.id, 'Propuesta privada')
    // What the core hands a finder for a signed-in person: no district-wide permission here.
    const who = (user: TestUser) => ({
      auth: { session: null, user: { id: user.id, email: user.email, name: user.name, platformRole: 'member' as const, locale: null, emailVerified: true }, organization: null, managerOf: [], unreadNotifications: 0 },
      can: () => false,
    })
    const find = challengeWithEntries(entriesFilter.parse({}), 26, 0)
    const db = w.t.district.db
    const sponsor = await find(db, call.slug, who(w.sponsorAdmin))
    expect(sponsor?.lists.entries.map((e) => e.title)).toEqual(['Propuesta privada'])
    // The call is public, so an outsider finds it, but not its entries (the page then refuses them).
    const outsider = await find(db, call.slug, who(w.outsider))
    expect(outsider?.access.canView).toBe(true)
    expect(outsider?.lists.entries).toEqual([])
    const lead = await find(db, call.slug, who(w.leadA))
    expect(lead?.lists.entries).toEqual([])
  })
})
