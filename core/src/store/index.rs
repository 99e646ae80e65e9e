//! The archive's trees behind one [`Engine`]: `Meta`, `Docs`, `Versions` and `Blobs`
//! in the engine (sled, or its copy in memory), `Plugins`, `Snapshots` and `Dicts` in
//! the catalog. A commit that touches both writes the catalog first (it is the truth for
//! its trees), then the engine.

use crate::error::Result;
use crate::store::catalog::Catalog;
use crate::store::engine::{Engine, MemEngine, Scan, TreeName, Write};

pub struct Index {
    engine: Box<dyn Engine>,
    catalog: Catalog,
}

impl Index {
    pub fn new(engine: Box<dyn Engine>, catalog: Catalog) -> Index {
        Index { engine, catalog }
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Replace the engine by a copy of it in memory; the engine (and its lock) goes.
    pub fn detach(&mut self) -> Result<()> {
        let copy = MemEngine::copy_of(self.engine.as_ref())?;
        self.engine = Box::new(copy);
        Ok(())
    }
}

impl Engine for Index {
    fn get(&self, tree: TreeName, key: &[u8]) -> Result<Option<Vec<u8>>> {
        if tree.in_catalog() {
            return Ok(self.catalog.get(tree, key));
        }
        self.engine.get(tree, key)
    }

    fn scan_prefix(&self, tree: TreeName, prefix: &[u8]) -> Scan<'_> {
        if tree.in_catalog() {
            return self.catalog.scan_prefix(tree, prefix);
        }
        self.engine.scan_prefix(tree, prefix)
    }

    fn commit(&self, writes: &[Write]) -> Result<()> {
        let (cat, eng): (Vec<Write>, Vec<Write>) =
            writes.iter().cloned().partition(|(t, _, _)| t.in_catalog());
        self.catalog.commit(&cat)?;
        self.engine.commit(&eng)
    }

    fn flush(&self) -> Result<()> {
        self.engine.flush()
    }

    fn reclaim(&self) -> Result<()> {
        self.engine.reclaim()
    }
}
