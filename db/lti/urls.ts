/** The URLs an LMS administrator enters, under the tool's public origin. */
export function toolUrls(origin: string) {
  return {
    loginUrl: `${origin}/api/lti/login`,
    launchUrl: `${origin}/api/lti/launch`,
    jwksUrl: `${origin}/api/lti/jwks`,
    deepLinkingUrl: `${origin}/api/lti/launch`,
    redirectUris: [`${origin}/api/lti/launch`],
    dynamicRegistrationUrl: `${origin}/api/lti/register`,
  };
}
