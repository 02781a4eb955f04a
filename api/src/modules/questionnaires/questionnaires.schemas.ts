import { z } from 'zod';
import { LabelLocale } from './locales.js';
import { Slug } from '../workspaces/workspaces.schemas.js';

/** The definition itself is checked by the definition rules (422), not by zod. */
const Definition = z.record(z.string(), z.unknown());

/** The organiser confirmed that properties loading other addresses (logo, imageLink, choicesByUrl, …) are removed. */
const DropRemote = z.boolean().optional();

export const CreateQuestionnaireSchema = z
  .strictObject({
    slug: Slug,
    definition: Definition.optional(),
    template: z.string().max(100).optional(),
    dropRemoteProperties: DropRemote,
  })
  .refine((v) => (v.definition === undefined) !== (v.template === undefined), 'give either definition or template');
export type CreateQuestionnaireReq = z.infer<typeof CreateQuestionnaireSchema>;

export const SaveDraftSchema = z.strictObject({ definition: Definition, dropRemoteProperties: DropRemote });
export type SaveDraftReq = z.infer<typeof SaveDraftSchema>;

export const PublishSchema = z.strictObject({
  changeNote: z.string().trim().max(2000).optional(),
  allowBreaking: z.boolean().optional(),
});
export type PublishReq = z.infer<typeof PublishSchema>;

export const SlugParams = z.object({ slug: Slug });
/** `?locale=`: the language of titles and labels (any language tag; the questionnaire's default language when it does not carry it). */
export const CatalogueQuery = z.object({ locale: LabelLocale.optional() });
export const VersionParams = z.object({ slug: Slug, version: z.coerce.number().int().min(1).max(1_000_000) });

const VersionRef = z.union([z.literal('draft'), z.coerce.number().int().min(1).max(1_000_000)]);
export const DiffQuery = z.object({ from: VersionRef, to: VersionRef });
export type VersionRefValue = z.infer<typeof VersionRef>;

export const TemplateParams = z.object({ id: z.string().regex(/^[a-z0-9-]{1,100}$/) });
