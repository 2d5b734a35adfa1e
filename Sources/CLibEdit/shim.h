#ifndef AGRIQA_CLIBEDIT_SHIM_H
#define AGRIQA_CLIBEDIT_SHIM_H
// libedit (BSD editline) for `agriqa chat`: line editing and persistent history.
// el_set() and history() are C variadic functions, which Swift cannot call; these non-variadic
// wrappers pass each operation's arguments with their real types.
#include <stdio.h>
#include <histedit.h>

typedef char *(*agriqa_prompt_fn)(EditLine *);
typedef unsigned char (*agriqa_key_fn)(EditLine *, int);

static inline int agriqa_el_set_prompt(EditLine *el, agriqa_prompt_fn fn) {
    return el_set(el, EL_PROMPT, fn);
}

/// A prompt whose characters between two `ignore` characters take no room (colour escapes).
static inline int agriqa_el_set_prompt_esc(EditLine *el, agriqa_prompt_fn fn, char ignore) {
    return el_set(el, EL_PROMPT_ESC, fn, ignore);
}

static inline int agriqa_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int agriqa_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

/// Sets one terminal mode for editing (`-d`): e.g. "-isig" so that Ctrl-C reaches the editor as a key.
static inline int agriqa_el_set_edit_tty(EditLine *el, const char *mode) {
    return el_set(el, EL_SETTY, "-d", mode, (const char *)NULL);
}

static inline int agriqa_el_add_function(EditLine *el, const char *name, const char *help, agriqa_key_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

static inline int agriqa_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, (const char *)NULL);
}

static inline int agriqa_el_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *agriqa_el_client_data(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

static inline int agriqa_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

static inline int agriqa_history_set_unique(History *h, int unique) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, unique);
}

static inline int agriqa_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

static inline int agriqa_history_load(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_LOAD, path);
}

static inline int agriqa_history_save(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_SAVE, path);
}

#endif
