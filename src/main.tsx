import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { startSession } from './app/session';
import { loadLanguage } from './ui/i18n';
import { useUiStore } from './store/uiStore';
import './ui/styles.css';

// The interface in the saved language from its first frame (Chinese is loaded on demand).
void loadLanguage(useUiStore.getState().language)
  .catch((error: unknown) => console.error('The interface language did not load', error))
  .then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
void startSession();
