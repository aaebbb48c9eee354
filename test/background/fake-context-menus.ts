/**
 * WXT's fakeBrowser does not implement `contextMenus` nor `commands.onCommand` (they throw
 * "not implemented"): minimal stand-ins that record created items and fire clicks and
 * commands, installed after `fakeBrowser.reset()`.
 */
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';

type CommandListener = (command: string, tab?: Browser.tabs.Tab) => void;
type ClickListener = (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) => void;

export function installFakeContextMenus() {
  const listeners = new Set<ClickListener>();
  const items: Browser.contextMenus.CreateProperties[] = [];
  const menus = {
    create: (props: Browser.contextMenus.CreateProperties) => {
      items.push(props);
      return props.id ?? '';
    },
    remove: async (id: string | number) => {
      const at = items.findIndex((i) => i.id === id);
      if (at >= 0) items.splice(at, 1);
    },
    onClicked: {
      addListener: (l: ClickListener) => listeners.add(l),
      removeListener: (l: ClickListener) => listeners.delete(l),
      hasListener: (l: ClickListener) => listeners.has(l),
    },
  };
  (fakeBrowser as unknown as { contextMenus: unknown }).contextMenus = menus;
  const commandListeners = new Set<CommandListener>();
  (fakeBrowser.commands as unknown as { onCommand: unknown }).onCommand = {
    addListener: (l: CommandListener) => commandListeners.add(l),
    removeListener: (l: CommandListener) => commandListeners.delete(l),
    hasListener: (l: CommandListener) => commandListeners.has(l),
  };
  return {
    items,
    command: (name: string, tab?: Browser.tabs.Tab) => {
      for (const l of commandListeners) l(name, tab);
    },
    click: (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) => {
      for (const l of listeners) l(info, tab);
    },
  };
}
