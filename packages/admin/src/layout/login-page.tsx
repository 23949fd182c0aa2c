import { Box, Link, Typography } from '@mui/material';
import { LocalesMenuButton, Login, LoginForm, useTranslate } from 'react-admin';

/**
 * The sign-in page: the product's name, the language menu (Chinese by default) and react-admin's
 * login form.
 * @example
 * <Admin loginPage={LoginPage} />
 */
export function LoginPage() {
  const translate = useTranslate();
  return (
    <Login sx={{ background: 'linear-gradient(160deg, #b71c1c 0%, #7f0000 100%)' }}>
      <Box sx={{ px: 2, pt: 1, textAlign: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
          {translate('shuoshi.app.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('shuoshi.app.subtitle')}
        </Typography>
        <Box sx={{ display: 'flex', justifyContent: 'center', mt: 1 }}>
          <LocalesMenuButton />
        </Box>
      </Box>
      <LoginForm />
      {/* A worker who lands here finds their own page (no login): /speak, outside the panel's hash routes. */}
      <Box sx={{ textAlign: 'center', pb: 2 }}>
        <Link href="/speak">{translate('shuoshi.app.speak_link')}</Link>
      </Box>
    </Login>
  );
}
