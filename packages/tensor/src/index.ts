/** @examforge/tensor: float64 tensors with broadcasting and reverse-mode autograd. No dependencies, no IO. */
export {};
