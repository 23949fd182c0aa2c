/**
 * The texts of the workflow designer (`shuoshi.designer.*`: the diagram, the state, transition
 * and field forms, the JSON view, live validation), Chinese first; merged into the panel's
 * messages (app-messages-zh.ts, app-messages-en.ts).
 * @example
 * designerMessagesZh.designer.title; // '流程设计器'
 */
export const designerMessagesZh = {
  designer: {
    title: '流程设计器',
  },
};

/**
 * The designer's texts in English, with exactly the keys of designerMessagesZh.
 * @example
 * designerMessagesEn.designer.title; // 'Workflow designer'
 */
export const designerMessagesEn: typeof designerMessagesZh = {
  designer: {
    title: 'Workflow designer',
  },
};
