// What the audit trail says was done: every action Threadline writes, in one naming style
// (lower case words joined by underscores, the verb first where it reads naturally). A new audit
// entry must use one of these, so the trail can be searched by a name someone can look up here.
// Entries written before 2026-12-06 may carry the older dotted names of linkage ('linkage.merge'):
// `LEGACY_AUDIT_ACTIONS` says what each is now, for anything that reads the trail by action.

// prettier-ignore
export const AUDIT_ACTIONS = [
  // signing in and accounts
  'sign_in', 'sign_in_failed', 'sign_in_second_step', 'sign_in_second_step_failed', 'sign_in_break_glass', 'sign_out',
  'session_timed_out',
  'account_locked', 'account_unlocked', 'password_changed', 'password_change_failed',
  'mfa_enabled', 'mfa_disabled', 'mfa_recovery_codes_replaced', 'mfa_reset', 'mfa_required', 'mfa_not_required',
  'security_key_added', 'security_key_removed',
  // administration
  'view_admin', 'user_created', 'user_activated', 'user_deactivated', 'agency_added',
  'view_tokens', 'token_created', 'token_revoked', 'token_used', 'address_locked',
  // records, people and linkage
  'import', 'import_rejected', 'demo_loaded', 'search', 'view_home', 'view_person', 'view_record', 'view_viewers',
  'access_with_reason', 'allocate', 'end_allocation', 'link', 'merge', 'unmerge', 'cli_list',
  'linkage_merge', 'linkage_unmerge', 'linkage_relink', 'linkage_references', 'linkage_train', 'linkage_thresholds',
  'linkage_review_list', 'linkage_review_view', 'linkage_decide_same', 'linkage_decide_not_same',
  'linkage_model_adopted', 'linkage_model_not_adopted',
  // risk
  'view_risk', 'view_risk_alerts', 'view_risk_screening', 'sign_risk_screening', 'view_unanswered', 'view_mash_queue',
  'add_risk_instrument', 'view_mash_decision_form', 'record_mash_decision', 'view_mash_allocation_form',
  // missing
  'view_missing_episode_form', 'record_missing_episode', 'update_missing_episode', 'view_return_interview_form',
  'record_return_interview', 'update_return_interview', 'assign_return_interview', 'view_interview_work_list', 'view_missing_figures',
  'view_strategy_discussion_form', 'record_strategy_discussion', 'view_philomena_profile', 'update_philomena_profile',
  'print_philomena_profile', 'view_philomena_photo',
  // working together
  'record_decision', 'raise_challenge', 'challenge_responded', 'challenge_escalated', 'challenge_resolved',
  'record_meeting', 'complete_action', 'record_supervision', 'add_competency', 'worker_settings', 'assign_task',
  'assign_task_override', 'lead_professional', 'view_my_work', 'view_manager_page', 'view_competencies',
  'view_decision_form',
  'view_challenge', 'view_challenge_form', 'view_meeting', 'view_meeting_form', 'view_action', 'view_supervision_form',
  'view_assignment_form', 'view_partnership_report', 'edit_record', 'view_record_edit_form', 'view_record_versions',
  // networks
  'view_networks', 'view_network', 'network_confirmed', 'network_dismissed', 'view_shared_links', 'view_places',
  'view_place',
  'view_link_chart', 'export_links_csv', 'export_link_chart_png', 'context_plan_saved', 'context_action_added',
  'context_action_done',
  // learning reviews, action plans and self-assessments
  'view_reviews', 'view_review', 'review_created', 'review_dates_recorded', 'recommendation_added',
  'recommendation_signed_off', 'review_signed_off', 'plan_action_added', 'plan_action_updated', 'view_plan_action',
  'view_self_assessments', 'view_self_assessment', 'self_assessment_recorded', 'reviews_list', 'reviews_actions',
  'plan_action_reassigned', 'plan_action_escalated', 'view_review_standards', 'review_standards_added',
  'reviews_standards_list',
  // partnership, privacy, operations
  'view_partnership_figures', 'download_partnership_figures', 'partnership_figures', 'partnership_dataset',
  // multi-agency case audits
  'view_case_audits', 'create_case_audit', 'view_case_audit', 'name_case_auditor', 'view_agency_audit_form',
  'submit_agency_audit', 'view_audit_agreement_form', 'record_audit_agreement', 'view_audit_report',
  'download_audit_report', 'close_case_audit', 'add_audit_action', 'add_audit_tool', 'add_audit_criterion', 'view_audit_criteria', 'audit_criteria_list', 'view_audit_theme_action', 'case_audits_list', 'case_audit_report',
  'subject_access_export', 'retention_report', 'backup',
  'restore', 'after_restore',
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** Names written before the one naming style, and what each is now. */
export const LEGACY_AUDIT_ACTIONS: Readonly<Record<string, AuditAction>> = {
  'linkage.merge': 'linkage_merge',
  'linkage.unmerge': 'linkage_unmerge',
  'linkage.relink': 'linkage_relink',
  'linkage.references': 'linkage_references',
  'linkage.train': 'linkage_train',
  'linkage.thresholds': 'linkage_thresholds',
  'linkage.review_list': 'linkage_review_list',
  'linkage.review_view': 'linkage_review_view',
  'linkage.decide_same': 'linkage_decide_same',
  'linkage.decide_not_same': 'linkage_decide_not_same',
  'linkage.model_adopted': 'linkage_model_adopted',
  'linkage.model_not_adopted': 'linkage_model_not_adopted',
}

/** Every name an action has been written under: itself and any older name of it. */
export function namesOf(action: AuditAction): string[] {
  return [action, ...Object.keys(LEGACY_AUDIT_ACTIONS).filter((old) => LEGACY_AUDIT_ACTIONS[old] === action)]
}
