export * from './atomic';
export * from './sniff';
