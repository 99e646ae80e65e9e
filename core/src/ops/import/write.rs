//! Import, step 3: the single writer. Each prepared batch becomes new heads, version
//! records and blobs, appended through the version store in one atomic commit.

use super::*;

impl Writer<'_> {
    pub(super) fn write_batch(
        &mut self,
        prepared: Vec<std::result::Result<Prepared, Failure>>,
        similar: &crate::ops::dedup::DeltaCandidates,
    ) -> Result<()> {
        let store = self.archive.blobs();
        let mut writes: Vec<Write> = Vec::new();
        let mut entries: Vec<VersionEntry> = Vec::new();
        // The content hash of each key's version written by this batch (a near-copy's
        // record keeps only a check).
        let mut hashes: HashMap<String, BlobHash> = HashMap::new();
        let mut new_blobs: std::collections::HashSet<BlobHash> = std::collections::HashSet::new();
        // Where each blob this batch writes is (the hint kept after its versions' records).
        let mut placed: HashMap<BlobHash, Option<BlobAt>> = HashMap::new();
        for p in prepared {
            let mut p = match p {
                Ok(p) => p,
                Err(f) => {
                    self.summary.failed.push(f);
                    continue;
                }
            };
            // The batch written while this one was prepared may have healed the blob.
            if p.heal && !new_blobs.contains(&p.hash) && store.intact(&p.hash)? {
                p.heal = false;
            }
            if let Err(e) = keys::validate(&p.entry.key) {
                self.summary.failed.push(Failure {
                    input: p.entry.input(),
                    error: e.to_string(),
                });
                continue;
            }
            let head = match self.pending.get(&p.entry.key) {
                Some(h) => Some(h.clone()),
                None => self.archive.head(&p.entry.key)?,
            };
            let mut last = None;
            if let Some(h) = &head {
                let (_, rec) = self.record_at(&p.entry.key, h, h.latest, &writes)?;
                if self.holds(&p.entry.key, h, &rec, (&p.hash, p.entry.len), &hashes) {
                    if p.heal && !new_blobs.contains(&p.hash) {
                        match self.heal(&store, &mut p) {
                            Ok(w) => {
                                placed.insert(p.hash, placed_at(&w));
                                writes.push(w);
                                new_blobs.insert(p.hash);
                            }
                            Err(f) => {
                                self.summary.failed.push(f);
                                continue;
                            }
                        }
                    }
                    self.summary.unchanged += 1;
                    continue;
                }
                last = Some((h.clone(), rec));
            }
            let mut inline = None;
            let mut check = None;
            if p.heal && !new_blobs.contains(&p.hash) {
                match self.heal(&store, &mut p) {
                    Ok(w) => {
                        placed.insert(p.hash, placed_at(&w));
                        writes.push(w);
                        new_blobs.insert(p.hash);
                    }
                    Err(f) => {
                        self.summary.failed.push(f);
                        continue;
                    }
                }
            } else if new_blobs.contains(&p.hash) || store.exists(&p.hash)? {
                // The same new content twice in this batch (or written by the batch
                // before, which was prepared at the same time): stored once.
            } else if p.stream {
                match stream_blob(&store, &p) {
                    Ok((stored, w)) => {
                        self.summary.stored_bytes += stored;
                        writes.push(w);
                        new_blobs.insert(p.hash);
                    }
                    Err(e) => {
                        self.summary.failed.push(Failure {
                            input: p.entry.input(),
                            error: e,
                        });
                        continue;
                    }
                }
            } else {
                if let Some((raw, dict)) = p.deferred.take() {
                    match compress(
                        self.archive,
                        &p.entry.key,
                        &p.hash,
                        &raw,
                        p.sketch,
                        similar,
                        dict,
                    ) {
                        Ok(stored) => p.encoded = Some(stored),
                        Err(e) => {
                            self.summary.failed.push(Failure {
                                input: p.entry.input(),
                                error: e.to_string(),
                            });
                            continue;
                        }
                    }
                }
                match p.encoded.take() {
                    Some(Stored::Blob(enc)) => {
                        let (stored, w) = store.put(&p.hash, p.entry.len, enc)?;
                        self.summary.stored_bytes += stored;
                        placed.insert(p.hash, placed_at(&w));
                        writes.push(w);
                        new_blobs.insert(p.hash);
                    }
                    Some(Stored::Inline(d, c)) => {
                        self.summary.stored_bytes += d.data.len() as u64;
                        inline = Some(d);
                        check = c;
                    }
                    None => {}
                }
            }
            self.summary.raw_bytes += p.entry.len;
            let now = now_ms();
            let new_head = match head {
                Some(h) => {
                    self.summary.new_versions += 1;
                    DocHead {
                        id: h.id,
                        latest: h.latest + 1,
                        created_ms: h.created_ms,
                        updated_ms: now,
                    }
                }
                None => {
                    self.summary.new_documents += 1;
                    self.next_id += 1;
                    DocHead {
                        id: self.next_id - 1,
                        latest: 1,
                        created_ms: now,
                        updated_ms: now,
                    }
                }
            };
            let note = p.entry.escaped.then(|| {
                let msg = format!(
                    "file name is not UTF-8; stored under the escaped key {:?} (%XX = raw byte, %25 = %)",
                    p.entry.key
                );
                self.summary.notes.push(format!("{}: {msg}", p.entry.path.display()));
                msg
            });
            // Only a title given by the exchange format is stored; one found in the bytes
            // is found there again when read.
            let (source, extra, title) = match p.entry.record.take() {
                Some(r) => (r.source, r.extra, r.title),
                None => (
                    p.entry.path.to_string_lossy().into_owned(),
                    Vec::new(),
                    None,
                ),
            };
            let mut source = Source::new(source, &p.entry.key);
            // The same source as the latest version: name that version instead of
            // repeating a path (or URL) in every version.
            if let Some((h, rec)) = &last {
                let (n, same) = match &rec.source {
                    Source::AsVersion(m) => (
                        *m,
                        self.record_at(&p.entry.key, h, *m, &writes)
                            .is_ok_and(|(_, r)| r.source == source),
                    ),
                    s => (h.latest, *s == source),
                };
                if same {
                    source = Source::AsVersion(n);
                }
            }
            hashes.insert(p.entry.key.clone(), p.hash);
            let record = VersionRecord {
                blob: check.unwrap_or(p.hash),
                raw_len: p.entry.len,
                imported_ms: now,
                source,
                extra,
                source_bytes: p
                    .entry
                    .escaped
                    .then(|| p.entry.path.as_os_str().as_encoded_bytes().to_vec()),
                media_type: p.sniffed.media_type,
                charset: p.sniffed.charset,
                title,
                note,
                delta: inline,
            };
            self.heads.add(&p.entry.key, p.lines.take());
            let at = match (&record.delta, placed.get(&p.hash)) {
                (Some(_), _) => None,
                (None, Some(at)) => at.clone(),
                // Stored before this batch (or by the batch written meanwhile).
                (None, None) => store.record(&p.hash)?.as_ref().and_then(BlobAt::of),
            };
            writes.push((
                TreeName::Versions,
                keys::version_key(new_head.id, new_head.latest).to_vec(),
                Some(encode_version(&record, at.as_ref())),
            ));
            entries.push(VersionEntry {
                key: p.entry.key.clone(),
                version: new_head.latest,
                record,
            });
            writes.push((
                TreeName::Docs,
                p.entry.key.as_bytes().to_vec(),
                Some(encode(&new_head)),
            ));
            self.sketches
                .set(self.archive.engine(), new_head.id, p.sketch)?;
            self.pending.insert(p.entry.key, new_head);
        }
        writes.extend(self.sketches.take_writes());
        writes.push(Archive::next_doc_id_write(self.next_id));
        // The hook for whatever follows a committed batch: `entries` are its versions.
        self.archive.version_store().append(&writes, &entries)?;
        let s = &self.summary;
        self.committed = Committed {
            new_documents: s.new_documents,
            new_versions: s.new_versions,
            unchanged: s.unchanged,
            healed: s.healed,
            raw_bytes: s.raw_bytes,
            stored_bytes: s.stored_bytes,
        };
        Ok(())
    }

    /// Write a damaged blob again from the input's bytes (the blob record then points to
    /// the new, intact copy; versions that use the blob, or a delta on it, read again).
    fn heal(
        &mut self,
        store: &blobs::BlobStore<'_>,
        p: &mut Prepared,
    ) -> std::result::Result<Write, Failure> {
        let fail = |error: String| Failure {
            input: p.entry.input(),
            error,
        };
        let (stored, w) = if p.stream {
            stream_blob(store, p).map_err(fail)?
        } else {
            match p.encoded.take() {
                Some(Stored::Blob(enc)) => store
                    .put(&p.hash, p.entry.len, enc)
                    .map_err(|e| fail(e.to_string()))?,
                _ => {
                    return Err(fail(
                        "nothing prepared to heal the damaged blob with".into(),
                    ))
                }
            }
        };
        self.summary.stored_bytes += stored;
        self.summary.healed += 1;
        self.summary.notes.push(format!(
            "{}: the archive held these bytes damaged (key {}); stored them again from this input",
            p.entry.input(),
            p.entry.key
        ));
        Ok(w)
    }

    /// Whether the latest version of `key` (head `head`, record `rec`) holds the `len`
    /// bytes whose hash is `hash`. A near-copy's record keeps only a check: its hash is
    /// the one this batch wrote (`written`), else that of the stored bytes when their
    /// length is `len`; stored bytes that do not read hold nothing (the new ones are
    /// stored).
    fn holds(
        &self,
        key: &str,
        head: &DocHead,
        rec: &VersionRecord,
        (hash, len): (&BlobHash, u64),
        written: &HashMap<String, BlobHash>,
    ) -> bool {
        if let Some(h) = rec.content_hash() {
            return h == hash;
        }
        if let Some(h) = written.get(key) {
            return h == hash;
        }
        rec.raw_len == len
            && self
                .archive
                .read(key, Some(head.latest))
                .is_ok_and(|doc| blake3::hash(&doc.bytes).as_bytes() == hash)
    }

    /// Version `n` of a key, looking first at this batch's writes.
    pub(super) fn record_at(
        &self,
        key: &str,
        head: &DocHead,
        n: u32,
        writes: &[Write],
    ) -> Result<(u32, VersionRecord)> {
        let vk = keys::version_key(head.id, n);
        if let Some((_, _, Some(bytes))) = writes
            .iter()
            .rev()
            .find(|(t, k, _)| *t == TreeName::Versions && *k == vk)
        {
            return Ok((n, crate::store::records::decode(bytes, key)?));
        }
        self.archive.version(key, Some(n))
    }
}

/// Stream a large file into a blob; fails if it no longer hashes as when prepared.
pub(super) fn stream_blob(
    store: &blobs::BlobStore<'_>,
    p: &Prepared,
) -> std::result::Result<(u64, Write), String> {
    let mut file = std::fs::File::open(&p.entry.path).map_err(|e| io_message(&e))?;
    store
        .put_stream(&p.hash, p.entry.len, &mut file)
        .map_err(|e| e.to_string())
}

/// The hint of where the blob a record write `w` puts in the blobs tree is.
fn placed_at(w: &Write) -> Option<BlobAt> {
    let (_, _, Some(bytes)) = w else {
        return None;
    };
    crate::store::records::decode::<crate::store::records::BlobRecord>(bytes, "blob record")
        .ok()
        .as_ref()
        .and_then(BlobAt::of)
}
