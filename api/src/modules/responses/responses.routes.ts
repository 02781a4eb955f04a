import { Router, type RequestHandler, type Response } from 'express';
import { parse as parseCookies } from 'cookie';
import type { Db } from '../../db/db-handle.js';
import { requestLocale } from '../../http/locale.js';
import { appLanguage, isAppLanguage } from '../questionnaires/locales.js';
import { parse, parseBody } from '../../http/validate.js';
import type { ResponseWriter } from './response-writer.js';
import { InvitationExchangeSchema, KeyParams, ResponseParams, SubmitResponseSchema } from './responses.schemas.js';
import * as service from './responses.service.js';

const INVITATION_COOKIE = 'bilanz.invitation';
const cookiePath = (key: string) => `/api/v1/public/waves/${key}`;

/**
 * /api/v1/public/waves/:key: answering, for anyone with the wave's link.
 * `submit` is the hottest route of all (POST …/waves/:key/responses): the app
 * mounts it on its own path ahead of the other routers, so that an answer
 * passes as few layers as possible.
 */
export function publicRoutes(deps: { knex: Db; writer: ResponseWriter }): { router: Router; submit: RequestHandler } {
  const { knex, writer } = deps;
  const cache = new service.VersionCache(knex);
  const keys = new service.WaveKeyCache(knex);
  const r = Router();
  const noStore = (res: Response) => res.setHeader('Cache-Control', 'no-store');

  r.get('/waves/:key', async (req, res) => {
    const { key } = parse(KeyParams, req.params);
    noStore(res);
    res.json(await service.publicWave(knex, cache, key));
  });

  // An invitation link's token is exchanged for an HttpOnly cookie, so the
  // page can drop it from the address bar and later requests need not carry it.
  r.post('/waves/:key/invitation', async (req, res) => {
    const { key } = parse(KeyParams, req.params);
    const { token } = parseBody(InvitationExchangeSchema, req);
    await service.checkInvitation(knex, key, token);
    res.cookie(INVITATION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: cookiePath(key),
      maxAge: 90 * 86_400_000,
    });
    res.status(204).end();
  });

  r.get('/waves/:key/responses/:id', async (req, res) => {
    const { key, id } = parse(ResponseParams, req.params);
    noStore(res);
    res.json(await service.getPartialResponse(knex, key, id));
  });

  const submit: RequestHandler = async (req, res) => {
    const { key } = parse(KeyParams, req.params);
    const body = parseBody(SubmitResponseSchema, req);
    const cookieToken = parseCookies(req.get('cookie') ?? '')[INVITATION_COOKIE];
    // Messages are German or English: the answering language when it is one of them, else Accept-Language's.
    const messages =
      body.locale !== undefined && isAppLanguage(body.locale) ? appLanguage(body.locale) : requestLocale(req);
    const result = await service.submitResponse(knex, cache, keys, writer, key, body, cookieToken, messages);
    noStore(res);
    res.status(result.created ? 201 : 200).json(result.body);
  };

  return { router: r, submit };
}
