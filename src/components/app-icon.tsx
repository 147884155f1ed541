// Apart from the layout's title (app-title.tsx), which brings @refinedev/antd: the login screen
// shows the mark without it.
/** The product mark: a red square with 党 and the product's name. */
export function AppIcon() {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-flex', alignItems: 'center', justifyContent: 'center', width: 24, height: 24,
        borderRadius: 4, background: '#c8161d', color: '#ffd700', fontSize: 14, fontWeight: 700,
      }}
    >
      党
    </span>
  );
}
