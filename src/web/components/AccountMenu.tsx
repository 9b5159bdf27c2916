import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { signOut } from "../features/auth/auth.api";
import { useSession } from "../features/auth/session";

/** "Sign in" when signed out; otherwise the person's name opening change-password and sign-out. */
export function AccountMenu() {
  const { t } = useTranslation();
  const { state, user, csrfToken, refresh } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent): void => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    // Tabbing out of the open menu closes it.
    const onFocusOut = (event: FocusEvent): void => {
      if (!rootRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
    };
    const root = rootRef.current;
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    root?.addEventListener("focusout", onFocusOut);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
      root?.removeEventListener("focusout", onFocusOut);
    };
  }, [open]);

  if (state.status === "loading") return <div className="account account--pending" />;
  if (!user) {
    if (location.pathname === "/masuk") return null;
    const next = `${location.pathname}${location.search}`;
    return (
      <Link
        to={next === "/" ? "/masuk" : `/masuk?next=${encodeURIComponent(next)}`}
        className="button button--quiet account__signin"
        data-testid="nav-signin"
      >
        {t("nav.signIn")}
      </Link>
    );
  }

  const onSignOut = async (): Promise<void> => {
    setBusy(true);
    try {
      await signOut(csrfToken);
    } catch {
      // Already signed out or the token went stale: the refreshed session tells the truth.
    }
    setOpen(false);
    setBusy(false);
    navigate("/");
    await refresh();
  };

  return (
    <div className="account" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="account__button"
        aria-expanded={open}
        aria-controls={menuId}
        data-testid="account-menu"
        onClick={() => setOpen((value) => !value)}
      >
        <svg className="account__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="12" cy="8" r="4" />
          <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z" />
        </svg>
        <span className="visually-hidden">{t("nav.accountMenu")}: </span>
        <span className="account__name" data-testid="account-name">
          {user.name}
        </span>
        <span aria-hidden="true" className="account__caret">
          ▾
        </span>
      </button>
      <div id={menuId} className="account__menu" hidden={!open}>
        <p className="account__who">
          <strong>{user.name}</strong>
          <span className="muted">{user.email}</span>
          <span className="muted">{t(`roles.${user.role}`)}</span>
        </p>
        <ul className="account__list">
          <li>
            <Link
              to="/akun/kata-sandi"
              className="account__item"
              data-testid="nav-change-password"
              onClick={() => setOpen(false)}
            >
              {t("nav.changePassword")}
            </Link>
          </li>
          <li>
            <button
              type="button"
              className="account__item"
              data-testid="signout"
              disabled={busy}
              onClick={() => void onSignOut()}
            >
              {busy ? t("nav.signingOut") : t("nav.signOut")}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
