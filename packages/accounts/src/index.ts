export {
  AccountError,
  type AccountsRepository,
  createAccountsRepository,
  NAME_PATTERN,
  SESSION_DAYS,
} from './accounts-repository';
export { hashPassword, PASSWORD_MIN_LENGTH, passwordProblem, verifyPassword } from './password';
export { isRole, ROLES, type Role, roleAtLeast } from './roles';
export { hashSecret, newSecret } from './secrets';
export { SignInThrottle, type ThrottleOptions } from './throttle';
