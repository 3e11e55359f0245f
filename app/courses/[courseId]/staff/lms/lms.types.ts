import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/, error: 'Enter a full http(s) URL.' }).max(2000);

/** Manual registration: what the LMS administrator copies from the LMS's tool page. */
export const RegisterPlatformSchema = z.object({
  courseId: z.uuid(),
  name: z.string().trim().min(1, 'Name the platform (e.g. "University Moodle").').max(200),
  issuer: httpUrl,
  clientId: z.string().trim().min(1, 'Enter the client id the LMS gave the tool.').max(500),
  deploymentIds: z
    .string()
    .trim()
    .min(1, 'Enter at least one deployment id.')
    .max(2000)
    .transform((text) => [...new Set(text.split(/[\s,]+/).filter(Boolean))]),
  authUrl: httpUrl,
  tokenUrl: httpUrl,
  jwksUrl: httpUrl,
});

export const PlatformToggleSchema = z.object({ courseId: z.uuid(), platformId: z.uuid(), enable: z.enum(['0', '1']) });
export const CourseOnlySchema = z.object({ courseId: z.uuid() });
