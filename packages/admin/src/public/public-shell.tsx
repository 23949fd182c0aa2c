import { AppBar, Box, Button, Container, CssBaseline, ThemeProvider, Toolbar, Typography, createTheme } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import { usePublicI18n } from './public-i18n.js';

// Phone first: large type and touch targets of at least 48 px, the panel's union red.
const theme = createTheme({
  palette: { primary: { main: '#b71c1c' }, secondary: { main: '#37474f' }, background: { default: '#f6f4f2' } },
  typography: { fontSize: 16, button: { fontSize: '1.05rem', textTransform: 'none' } },
  components: {
    MuiButton: { styleOverrides: { root: { minHeight: 48, borderRadius: 10 } } },
    MuiToggleButton: { styleOverrides: { root: { minHeight: 48, textTransform: 'none', fontSize: '1rem' } } },
    MuiInputBase: { styleOverrides: { root: { fontSize: '1.05rem' } } },
    MuiTab: { styleOverrides: { root: { minHeight: 52, fontSize: '1.05rem', textTransform: 'none' } } },
  },
});

/**
 * The frame of a public page: the theme, a red title bar with the language switch, and a
 * narrow column that fits a 360-px-wide phone.
 * @example
 * <PublicShell title="职工说事"><SpeakForm /></PublicShell>
 */
export function PublicShell({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  const { t, locale, setLocale } = usePublicI18n();
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <AppBar position="static" elevation={0}>
        <Toolbar sx={{ gap: 1, px: { xs: 1.5, sm: 3 } }}>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography component="h1" variant="h6" sx={{ fontWeight: 700, lineHeight: 1.2 }}>
              {title}
            </Typography>
            {subtitle && (
              <Typography variant="body2" sx={{ opacity: 0.9 }}>
                {subtitle}
              </Typography>
            )}
          </Box>
          <Button color="inherit" variant="outlined" size="small" lang={locale === 'en' ? 'zh-CN' : 'en'} onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')} sx={{ minHeight: 40, borderColor: 'rgba(255,255,255,0.6)' }}>
            {t('shuoshi.public.language')}
          </Button>
        </Toolbar>
      </AppBar>
      <Container component="main" maxWidth="sm" sx={{ px: { xs: 1.5, sm: 2 }, py: 2 }}>
        {children}
      </Container>
    </ThemeProvider>
  );
}
