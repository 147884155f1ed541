// Every string the admin shows, in Chinese: Refine's own keys and ours. en.ts mirrors the shape.
const zhCN = {
  app: {
    name: '全域提升',
    fullName: '城市基层党建全域提升行动',
    loginSubtitle: '街道党建办 · 社区 · 评审 工作平台',
  },
  auth: {
    errors: {
      invalid_credentials: '邮箱或密码错误',
      user_banned: '该账号已停用，请联系街道党建办',
      email_not_confirmed: '该账号尚未激活，请联系街道党建办',
      network: '无法连接服务器，请检查网络后重试',
      session_expired: '登录已过期，请重新登录',
      unknown: '登录失败：{{message}}',
    },
    loginFailed: '登录失败',
  },
  header: {
    language: '语言',
  },
  dashboard: {
    title: '工作台',
    welcome: '{{name}}，您好',
    intro: '全域提升行动的申报、评审、评分与重点任务，都在这里办理。',
    account: '当前账号',
    fields: {
      email: '登录邮箱',
      name: '姓名',
      lastSignIn: '上次登录',
    },
  },
  pages: {
    login: {
      title: '登录账号',
      signin: '登录',
      signup: '注册',
      divider: '或',
      fields: { email: '邮箱', password: '密码' },
      errors: {
        validEmail: '请输入有效的邮箱地址',
        requiredEmail: '请输入邮箱',
        requiredPassword: '请输入密码',
      },
      buttons: {
        submit: '登录',
        forgotPassword: '忘记密码？',
        noAccount: '还没有账号？',
        rememberMe: '记住我',
        haveAccount: '已有账号？',
      },
    },
    forgotPassword: {
      title: '忘记密码？',
      fields: { email: '邮箱' },
      errors: { validEmail: '请输入有效的邮箱地址', requiredEmail: '请输入邮箱' },
      buttons: { submit: '发送重置说明' },
    },
    register: {
      title: '注册账号',
      fields: { email: '邮箱', password: '密码' },
      errors: { validEmail: '请输入有效的邮箱地址', requiredEmail: '请输入邮箱', requiredPassword: '请输入密码' },
      buttons: { submit: '注册', haveAccount: '已有账号？' },
    },
    updatePassword: {
      title: '修改密码',
      fields: { password: '新密码', confirmPassword: '确认新密码' },
      errors: { confirmPasswordNotMatch: '两次输入的密码不一致', requiredPassword: '请输入密码', requiredConfirmPassword: '请确认密码' },
      buttons: { submit: '保存' },
    },
    error: {
      info: '您可能忘记为资源 {{resource}} 添加 {{action}} 组件。',
      '404': '抱歉，您访问的页面不存在。',
      resource404: '请确认资源 {{resource}} 已创建。',
      backHome: '返回首页',
    },
  },
  actions: { list: '列表', create: '新建', edit: '编辑', show: '查看' },
  buttons: {
    create: '新建',
    save: '保存',
    logout: '退出登录',
    delete: '删除',
    edit: '编辑',
    cancel: '取消',
    confirm: '确定要这样做吗？',
    filter: '筛选',
    clear: '清除',
    refresh: '刷新',
    show: '查看',
    undo: '撤销',
    import: '导入',
    clone: '复制',
    notAccessTitle: '您没有权限访问',
  },
  warnWhenUnsavedChanges: '有未保存的修改，确定要离开吗？',
  notifications: {
    success: '操作成功',
    error: '出错了（状态码：{{statusCode}}）',
    undoable: '您还有 {{seconds}} 秒可以撤销',
    createSuccess: '已新建{{resource}}',
    createError: '新建{{resource}}时出错（状态码：{{statusCode}}）',
    deleteSuccess: '已删除{{resource}}',
    deleteError: '删除{{resource}}时出错（状态码：{{statusCode}}）',
    editSuccess: '已保存{{resource}}',
    editError: '保存{{resource}}时出错（状态码：{{statusCode}}）',
    importProgress: '正在导入：{{processed}}/{{total}}',
  },
  loading: '加载中',
  tags: { clone: '复制' },
  table: { actions: '操作' },
  documentTitle: {
    default: '全域提升',
    suffix: ' | 全域提升',
  },
};

export default zhCN;
export type Messages = typeof zhCN;
