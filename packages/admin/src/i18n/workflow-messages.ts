/**
 * The texts of the workflows list and the template life cycle (`shuoshi.workflows.*`: versions,
 * overlays, the diff, rebase, publish, migration, the simulator), Chinese first; merged into the
 * panel's messages (app-messages-zh.ts, app-messages-en.ts).
 * @example
 * workflowMessagesZh.workflows.title; // '流程管理'
 */
export const workflowMessagesZh = {
  workflows: {
    title: '流程管理',
  },
};

/**
 * The workflow texts in English, with exactly the keys of workflowMessagesZh.
 * @example
 * workflowMessagesEn.workflows.title; // 'Workflows'
 */
export const workflowMessagesEn: typeof workflowMessagesZh = {
  workflows: {
    title: 'Workflows',
  },
};
