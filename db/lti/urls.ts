/** The URLs an LMS administrator enters, under the tool's public origin. */
export function toolUrls(origin: string) {
  return {
    loginUrl: `${origin}/api/lti/login`,
    launchUrl: `${origin}/api/lti/launch`,
    jwksUrl: `${origin}/api/lti/jwks`,
    redirectUris: [`${origin}/api/lti/launch`],
    /** LTI Dynamic Registration: the one URL Moodle 4.x, Canvas and Sakai take ("Tool URL" / "registration URL"). */
    dynamicRegistrationUrl: `${origin}/api/lti/register`,
  };
}
