//! Vectors of meaning: a question's in full precision, an entry's packed into bytes.

/// A text's vector as the encoder gives it: unit length, so the dot product of two is their
/// cosine similarity.
#[derive(Debug, Clone, PartialEq)]
pub struct Vector(Box<[f32]>);

impl Vector {
    /// Wraps the encoder's output.
    pub(crate) fn new(values: Box<[f32]>) -> Self {
        Vector(values)
    }

    /// The components.
    pub fn values(&self) -> &[f32] {
        &self.0
    }

    /// Cosine similarity with another full-precision vector, from −1 to 1.
    pub fn cosine(&self, other: &Vector) -> f32 {
        self.0.iter().zip(other.0.iter()).map(|(a, b)| a * b).sum()
    }

    /// Cosine similarity with a packed vector, from −1 to 1 (up to the packing's rounding,
    /// about 0.002).
    pub fn cosine_packed(&self, other: &PackedVector) -> f32 {
        let dot: f32 = self
            .0
            .iter()
            .zip(other.values.iter())
            .map(|(a, &b)| a * f32::from(b))
            .sum();
        dot * other.scale
    }

    /// Packs into one byte a component, for keeping many: a quarter of the memory.
    pub fn pack(&self) -> PackedVector {
        let largest = self.0.iter().fold(0f32, |max, value| max.max(value.abs()));
        let scale = if largest > 0.0 { largest / 127.0 } else { 1.0 };
        let values = self
            .0
            .iter()
            .map(|value| (value / scale).round().clamp(-127.0, 127.0) as i8)
            .collect();
        PackedVector { values, scale }
    }
}

/// A vector kept for an entry: each component a byte, times one scale.
#[derive(Debug, Clone, PartialEq)]
pub struct PackedVector {
    values: Box<[i8]>,
    scale: f32,
}

impl PackedVector {
    /// A packed vector from its stored parts: [`crate::DIMENSIONS`] components and the
    /// scale; `None` when the parts cannot be one (wrong length, scale not finite and
    /// positive).
    pub fn from_parts(values: Box<[i8]>, scale: f32) -> Option<Self> {
        (values.len() == crate::DIMENSIONS && scale.is_finite() && scale > 0.0)
            .then_some(PackedVector { values, scale })
    }

    /// The components, each to be multiplied by [`PackedVector::scale`].
    pub fn values(&self) -> &[i8] {
        &self.values
    }

    /// What one unit of a component is worth.
    pub fn scale(&self) -> f32 {
        self.scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(values: &[f32]) -> Vector {
        let norm = values.iter().map(|v| v * v).sum::<f32>().sqrt();
        Vector::new(values.iter().map(|v| v / norm).collect())
    }

    #[test]
    fn packed_cosine_is_the_cosine_up_to_rounding() {
        let a = unit(&[0.3, -0.2, 0.9, 0.05, -0.4, 0.11]);
        let b = unit(&[0.1, -0.25, 0.7, -0.3, -0.1, 0.5]);
        let exact = a.cosine(&b);
        let packed = a.cosine_packed(&b.pack());
        assert!((exact - packed).abs() < 0.005, "{exact} vs {packed}");
        assert!((a.cosine_packed(&a.pack()) - 1.0).abs() < 0.005);
    }

    #[test]
    fn a_zero_vector_packs_to_zero_without_dividing_by_zero() {
        let zero = Vector::new(vec![0.0; 4].into_boxed_slice());
        let a = unit(&[1.0, 2.0, 3.0, 4.0]);
        assert_eq!(a.cosine_packed(&zero.pack()), 0.0);
    }
}
