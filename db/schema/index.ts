export * from './people';
export * from './content';
export * from './assignments';
export * from './work';
export * from './sessions';
export * from './lti';
