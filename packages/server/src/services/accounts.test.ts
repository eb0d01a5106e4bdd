import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupCode } from '../auth/setup-code.js';
import { DIALECTS } from '../test-support/databases.js';
import { createTestWorld, PASSWORD, type TestClient, type TestWorld } from '../test-support/test-app.js';

const NEW_PASSWORD = 'a brand new passphrase';

describe.each(DIALECTS)('accounts on %s', (dialect) => {
  let world: TestWorld;
  let admin: TestClient;
  beforeAll(async () => {
    world = await createTestWorld(dialect);
    admin = await world.logIn('owner');
  });
  afterAll(() => world.close());

  const events = async (action: string) =>
    world.context.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();
  const signIn = async (email: string, password: string) => {
    const client = world.client();
    return { client, response: await client.post('/api/auth/login', { email, password }) };
  };

  it('lets an administrator create an instructor, who sets a password from the one-time link and signs in', async () => {
    const created = await admin.post('/api/users', { email: 'Ada@Example.test', name: 'Ada', role: 'instructor' });
    expect(created.status).toBe(201);
    expect(created.body.account).toMatchObject({ email: 'ada@example.test', role: 'instructor', passwordSet: false });
    expect(created.body.link.path).toBe(`/set-password#token=${created.body.link.token}`);
    expect((await signIn('ada@example.test', '')).response.status).toBe(400);
    const set = await world.client().post('/api/auth/set-password', {
      token: created.body.link.token,
      password: NEW_PASSWORD,
    });
    expect(set.status).toBe(204);
    const again = await world.client().post('/api/auth/set-password', {
      token: created.body.link.token,
      password: 'another passphrase',
    });
    expect(again).toMatchObject({ status: 410, body: { code: 'link-expired' } });
    const { response } = await signIn('ada@example.test', NEW_PASSWORD);
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ role: 'instructor', isAdmin: false });
    expect(await events('account.created')).toHaveLength(1);
    expect(await events('account.password-set')).toHaveLength(1);
    const list = await admin.get('/api/users');
    expect(list.body.find((a: { email: string }) => a.email === 'ada@example.test')).toMatchObject({
      passwordSet: true,
    });
  });

  it('refuses a set-password token past its expiry, and a reset makes the older link stop working', async () => {
    const created = await admin.post('/api/users', { email: 'gus@x.test', name: 'Gus', role: 'grader' });
    const reset = await admin.post(`/api/users/${created.body.account.id}/reset`);
    expect(reset.status).toBe(200);
    const first = await world.client().post('/api/auth/set-password', {
      token: created.body.link.token,
      password: NEW_PASSWORD,
    });
    expect(first.status).toBe(410);
    world.clock.advance(73 * 3_600_000);
    const late = await world
      .client()
      .post('/api/auth/set-password', { token: reset.body.link.token, password: NEW_PASSWORD });
    expect(late).toMatchObject({ status: 410, body: { code: 'link-expired' } });
    world.clock.advance(-73 * 3_600_000);
    expect(await events('account.reset-issued')).toHaveLength(1);
  });

  it('refuses a disabled account at sign-in and ends its sessions at once; enabling lets it back in', async () => {
    const grader = await world.logIn('grader');
    expect((await grader.get('/api/exams')).status).toBe(200);
    const disabled = await admin.post(`/api/users/${world.users.grader.id}/disable`);
    expect(disabled.body.disabledAt).toEqual(expect.any(String));
    expect((await grader.get('/api/exams')).status).toBe(401);
    const { response } = await signIn(world.users.grader.email, PASSWORD);
    expect(response).toMatchObject({ status: 403, body: { code: 'account-disabled' } });
    expect((await admin.post(`/api/users/${world.users.owner.id}/disable`)).status).toBe(409);
    await admin.post(`/api/users/${world.users.grader.id}/enable`);
    expect((await signIn(world.users.grader.email, PASSWORD)).response.status).toBe(200);
    expect(await events('account.disabled')).toHaveLength(1);
    expect(await events('account.enabled')).toHaveLength(1);
  });

  it('keeps account administration for administrators', async () => {
    const instructor = await world.logIn('instructor');
    expect((await instructor.get('/api/users')).status).toBe(403);
    const body = { email: 'x@x.test', name: 'X', role: 'grader' };
    expect((await instructor.post('/api/users', body)).status).toBe(403);
    expect((await world.client().get('/api/users')).status).toBe(401);
  });

  it('changes a signed-in person’s password only with the current one; their other sessions end', async () => {
    const other = await world.logIn('otherInstructor');
    const me = await world.logIn('otherInstructor');
    const wrong = await me.post('/api/auth/password', { currentPassword: 'nope', newPassword: NEW_PASSWORD });
    expect(wrong).toMatchObject({ status: 400, body: { code: 'wrong-password' } });
    const ok = await me.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(ok.status).toBe(204);
    expect((await me.get('/api/exams')).status).toBe(200);
    expect((await other.get('/api/exams')).status).toBe(401);
    expect((await signIn(world.users.otherInstructor.email, NEW_PASSWORD)).response.status).toBe(200);
  });

  it('audits logins, failed logins (without the password) and logouts', async () => {
    const before = (await events('auth.login-failed')).length;
    await signIn(world.users.instructor.email, 'not the password');
    const failed = await events('auth.login-failed');
    expect(failed).toHaveLength(before + 1);
    expect(failed.at(-1)).toMatchObject({ subject: `email:${world.users.instructor.email}` });
    expect(failed.at(-1)?.data_json).not.toContain('not the password');
    const client = await world.logIn('instructor');
    expect((await events('auth.login')).some((e) => e.actor_id === world.users.instructor.id)).toBe(true);
    await client.post('/api/auth/logout');
    expect((await events('auth.logout')).some((e) => e.actor_id === world.users.instructor.id)).toBe(true);
  });

  it('audits downloads of results and responses', async () => {
    const instructor = await world.logIn('instructor');
    expect((await instructor.get(`/api/sittings/${world.sitting.id}/results.csv`)).status).toBe(200);
    expect((await instructor.get(`/api/sittings/${world.sitting.id}/responses.csv`)).status).toBe(200);
    expect(await events('results.exported')).toHaveLength(1);
    expect(await events('responses.exported')).toHaveLength(1);
  });
});

describe.each(DIALECTS)('first-run setup on %s', (dialect) => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld(dialect);
    // A production site before its first administrator: nobody administers accounts yet.
    await world.context.db.updateTable('users').set({ is_admin: 0 }).execute();
  });
  afterAll(() => world.close());

  it('creates the first administrator with the setup code, once', async () => {
    expect((await world.client().get('/api/setup')).body).toEqual({ needed: true });
    const code = await issueSetupCode(world.context.db, world.clock.now());
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const form = { code: code!.toLowerCase(), email: 'admin@x.test', name: 'First Admin', password: NEW_PASSWORD };
    const wrong = await world.client().post('/api/setup', { ...form, code: 'AAAA-AAAA-AAAA-AAAA' });
    expect(wrong).toMatchObject({ status: 403, body: { code: 'setup-code-invalid' } });
    const client = world.client();
    const created = await client.post('/api/setup', form);
    expect(created.status).toBe(200);
    expect(created.body.user).toMatchObject({ email: 'admin@x.test', isAdmin: true });
    expect((await client.get('/api/users')).status).toBe(200);
    const reused = await world.client().post('/api/setup', { ...form, email: 'second@x.test' });
    expect(reused).toMatchObject({ status: 403, body: { code: 'setup-code-invalid' } });
    expect((await world.client().get('/api/setup')).body).toEqual({ needed: false });
    expect(await issueSetupCode(world.context.db, world.clock.now())).toBeUndefined();
  });
});
