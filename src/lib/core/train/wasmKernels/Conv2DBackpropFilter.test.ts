import { describeKernel } from './kernelCheck.fixture';
import { CONVOLUTION_CASES, NUMERICAL_CONVOLUTION_CASES } from './testing.fixture';

describeKernel({
  kernelName: 'Conv2DBackpropFilter',
  which: 1,
  cases: CONVOLUTION_CASES,
  numericalCases: NUMERICAL_CONVOLUTION_CASES,
});
