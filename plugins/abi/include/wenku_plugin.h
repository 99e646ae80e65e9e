/*
 * wenku plugin ABI, major version 1 (minor 1).
 *
 * Mirrors plugins/abi/src/abi.rs; a test in the wenku test suite compiles a C plugin
 * against this header and loads it through the real host.
 *
 * A plugin is a shared library exporting one function:
 *
 *     const wenku_descriptor *wenku_plugin_v1(uint16_t host_abi_major,
 *                                            uint16_t host_abi_minor);
 *
 * It returns a descriptor that lives as long as the process, or NULL if it cannot
 * serve a host of that major version. Everything a plugin puts in a wenku_output is
 * owned by the plugin until the host hands that output to free_output. New minor
 * versions only append fields to wenku_descriptor (struct_size tells which).
 */
#ifndef WENKU_PLUGIN_H
#define WENKU_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WENKU_MAGIC 0x4c504b57u /* "WKPL" little-endian */
#define WENKU_ABI_MAJOR 1
#define WENKU_ABI_MINOR 1

#define WENKU_FLAG_THREAD_SAFE 1u

#define WENKU_STATUS_OK 0
#define WENKU_STATUS_BAD_CONFIG 1
#define WENKU_STATUS_BAD_INPUT 2
#define WENKU_STATUS_FAILED 3
#define WENKU_STATUS_PANIC 4

#define WENKU_VERDICT_KEEP 0
#define WENKU_VERDICT_UNCHANGED 1
#define WENKU_VERDICT_DROP 2

/* Bytes with a length; UTF-8 where text; not NUL-terminated. */
typedef struct wenku_str {
    const uint8_t *ptr;
    size_t len;
} wenku_str;

typedef struct wenku_meta_pair {
    wenku_str key;
    wenku_str value;
} wenku_meta_pair;

/* Filled by create (message on failure) and transform; released by free_output. */
typedef struct wenku_output {
    int32_t verdict;              /* WENKU_VERDICT_* */
    wenku_str data;               /* new bytes, verdict KEEP */
    const wenku_meta_pair *meta;  /* metadata to set on the record */
    size_t meta_len;
    wenku_str message;            /* error text, or the reason of a DROP */
    void *owner;                  /* the plugin's own handle; the host never reads it */
} wenku_output;

typedef int32_t (*wenku_create_fn)(const uint8_t *config_json, size_t config_len,
                                   void **instance, wenku_output *out);
typedef int32_t (*wenku_transform_fn)(void *instance, const uint8_t *input, size_t input_len,
                                      const wenku_meta_pair *meta, size_t meta_len,
                                      wenku_output *out);
typedef void (*wenku_free_output_fn)(wenku_output *out);

/* ABI 1.1: how many documents of the record's source hold `line` (after the host's
 * normalisation: markup, punctuation, spacing and case ignored); 0 if unknown. */
typedef uint64_t (*wenku_line_documents_fn)(const void *ctx, const uint8_t *line, size_t len);

/* ABI 1.1: read-only statistics over the record's source, valid during one call. */
typedef struct wenku_corpus_stats {
    uint32_t struct_size;                   /* sizeof as the host was built */
    uint64_t source_documents;              /* 0: no statistics for this record */
    const void *ctx;                        /* the host's; pass it back unchanged */
    wenku_line_documents_fn line_documents; /* NULL when there are no statistics */
} wenku_corpus_stats;

/* ABI 1.1: transform with corpus statistics (never NULL). */
typedef int32_t (*wenku_transform_corpus_fn)(void *instance, const uint8_t *input,
                                             size_t input_len, const wenku_meta_pair *meta,
                                             size_t meta_len, const wenku_corpus_stats *corpus,
                                             wenku_output *out);
typedef void (*wenku_destroy_fn)(void *instance);

typedef struct wenku_descriptor {
    uint32_t magic;          /* WENKU_MAGIC */
    uint16_t abi_major;      /* WENKU_ABI_MAJOR */
    uint16_t abi_minor;      /* WENKU_ABI_MINOR */
    uint32_t struct_size;    /* sizeof(wenku_descriptor) as the plugin was built */
    uint32_t flags;          /* WENKU_FLAG_* */
    const char *name;        /* NUL-terminated UTF-8, static */
    const char *version;
    const char *description;
    const char *config_schema; /* JSON Schema of the config object */
    wenku_create_fn create;
    wenku_transform_fn transform;
    wenku_free_output_fn free_output;
    wenku_destroy_fn destroy;
    /* ABI 1.1 (struct_size tells whether the plugin has it; may be NULL) */
    wenku_transform_corpus_fn transform_corpus;
} wenku_descriptor;

const wenku_descriptor *wenku_plugin_v1(uint16_t host_abi_major, uint16_t host_abi_minor);

#ifdef __cplusplus
}
#endif

#endif /* WENKU_PLUGIN_H */
