import type { Messages } from './zh-CN';

const en: Messages = {
  app: {
    name: 'Quanyu Tisheng',
    fullName: 'Urban grassroots Party-building improvement campaign',
    loginSubtitle: 'Street office · communities · reviewers',
  },
  auth: {
    errors: {
      invalid_credentials: 'Wrong email or password',
      user_banned: 'This account is disabled; contact the street office',
      email_not_confirmed: 'This account is not activated yet; contact the street office',
      network: 'Cannot reach the server; check the network and try again',
      session_expired: 'Your session has expired; please sign in again',
      unknown: 'Sign-in failed: {{message}}',
    },
    loginFailed: 'Sign-in failed',
  },
  header: {
    language: 'Language',
  },
  dashboard: {
    title: 'Workbench',
    welcome: 'Hello, {{name}}',
    intro: 'Applications, reviews, scoring and the key tasks of the campaign are handled here.',
    account: 'Your account',
    fields: {
      email: 'Email',
      name: 'Name',
      lastSignIn: 'Last sign-in',
    },
  },
  pages: {
    login: {
      title: 'Sign in to your account',
      signin: 'Sign in',
      signup: 'Sign up',
      divider: 'or',
      fields: { email: 'Email', password: 'Password' },
      errors: {
        validEmail: 'Invalid email address',
        requiredEmail: 'Email is required',
        requiredPassword: 'Password is required',
      },
      buttons: {
        submit: 'Sign in',
        forgotPassword: 'Forgot password?',
        noAccount: 'Don’t have an account?',
        rememberMe: 'Remember me',
        haveAccount: 'Have an account?',
      },
    },
    forgotPassword: {
      title: 'Forgot your password?',
      fields: { email: 'Email' },
      errors: { validEmail: 'Invalid email address', requiredEmail: 'Email is required' },
      buttons: { submit: 'Send reset instructions' },
    },
    register: {
      title: 'Sign up for your account',
      fields: { email: 'Email', password: 'Password' },
      errors: { validEmail: 'Invalid email address', requiredEmail: 'Email is required', requiredPassword: 'Password is required' },
      buttons: { submit: 'Register', haveAccount: 'Have an account?' },
    },
    updatePassword: {
      title: 'Update password',
      fields: { password: 'New password', confirmPassword: 'Confirm new password' },
      errors: { confirmPasswordNotMatch: 'Passwords do not match', requiredPassword: 'Password required', requiredConfirmPassword: 'Confirm password is required' },
      buttons: { submit: 'Update' },
    },
    error: {
      info: 'You may have forgotten to add the {{action}} component to {{resource}} resource.',
      '404': 'Sorry, the page you visited does not exist.',
      resource404: 'Are you sure you have created the {{resource}} resource.',
      backHome: 'Back home',
    },
  },
  actions: { list: 'List', create: 'Create', edit: 'Edit', show: 'Show' },
  buttons: {
    create: 'Create',
    save: 'Save',
    logout: 'Sign out',
    delete: 'Delete',
    edit: 'Edit',
    cancel: 'Cancel',
    confirm: 'Are you sure?',
    filter: 'Filter',
    clear: 'Clear',
    refresh: 'Refresh',
    show: 'Show',
    undo: 'Undo',
    import: 'Import',
    clone: 'Clone',
    notAccessTitle: 'You don’t have permission to access',
  },
  warnWhenUnsavedChanges: 'Are you sure you want to leave? You have unsaved changes.',
  notifications: {
    success: 'Successful',
    error: 'Error (status code: {{statusCode}})',
    undoable: 'You have {{seconds}} seconds to undo',
    createSuccess: 'Created {{resource}}',
    createError: 'Error creating {{resource}} (status code: {{statusCode}})',
    deleteSuccess: 'Deleted {{resource}}',
    deleteError: 'Error deleting {{resource}} (status code: {{statusCode}})',
    editSuccess: 'Saved {{resource}}',
    editError: 'Error saving {{resource}} (status code: {{statusCode}})',
    importProgress: 'Importing: {{processed}}/{{total}}',
  },
  loading: 'Loading',
  tags: { clone: 'Clone' },
  table: { actions: 'Actions' },
  documentTitle: {
    default: 'Quanyu Tisheng',
    suffix: ' | Quanyu Tisheng',
  },
};

export default en;
