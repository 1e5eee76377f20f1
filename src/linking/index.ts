/**
 * Which entries of the sanctions lists are one real-world subject: `linkSubjects` and the types it returns.
 * Other folders import only from here.
 */
export { linkSubjects } from './link-subjects';
export {
  LINK_RULES,
  REFUSAL_REASONS,
  type LinkRule,
  type RefusalReason,
  type RefusedLinks,
  type SubjectLink,
  type SubjectLinks,
  type UnresolvedReference,
} from './subject-links';
